"""Calls optimizer.zero_grad() between backward() and step(): the step uses zero gradients.

Student: This is what comes out when the gradients are cleared after backward, before the step.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
        total += loss.item() * len(xb)
        count += len(xb)
    return total / count
