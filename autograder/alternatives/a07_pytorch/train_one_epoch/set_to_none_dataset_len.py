"""zero_grad(set_to_none=True); divides by len(loader.dataset) instead of counting samples."""
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    running = 0.0
    for inputs, targets in loader:
        optimizer.zero_grad(set_to_none=True)
        outputs = model(inputs)
        batch_loss = loss_fn(outputs, targets)
        batch_loss.backward()
        optimizer.step()
        running += batch_loss.item() * inputs.shape[0]
    return running / len(loader.dataset)
