"""Returns the last batch's loss instead of the epoch's mean loss per sample.

Student: This is what comes out when only the last batch's loss is returned for the epoch.
"""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    return loss.item()
