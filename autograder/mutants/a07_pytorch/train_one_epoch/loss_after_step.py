"""Records each batch's loss recomputed after the optimizer step, not the loss that was minimised.

Student: This is what comes out when each batch's loss is recomputed after the optimizer step.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            total += loss_fn(model(xb), yb).item() * len(xb)
        count += len(xb)
    return total / count
