"""Accumulates the loss tensors (no .item()): returns a tensor, not a Python float.

Student: This is what comes out when the loss tensors are added up and a tensor is returned.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total = total + loss.detach() * len(xb)
        count += len(xb)
    return total / count
