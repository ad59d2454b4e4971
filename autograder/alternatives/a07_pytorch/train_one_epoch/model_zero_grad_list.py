"""model.zero_grad() instead of optimizer.zero_grad(); keeps (loss, size) pairs and combines them with numpy at the end."""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    losses, sizes = [], []
    for xb, yb in loader:
        model.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        sizes.append(xb.size(0))
    return float(np.average(losses, weights=sizes))
