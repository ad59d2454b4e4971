"""Never calls model.train(): a model left in eval mode trains without dropout / with running batch-norm stats.

Student: This matches a version that trains a model left in evaluation mode.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    total, count = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        count += len(xb)
    return total / count
