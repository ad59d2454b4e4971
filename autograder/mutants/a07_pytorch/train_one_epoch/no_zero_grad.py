"""Never calls optimizer.zero_grad(): gradients accumulate across batches.

Student: This is what comes out when gradients from earlier batches are never cleared.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        count += len(xb)
    return total / count
