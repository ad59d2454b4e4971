"""Best weights kept as {k: v.detach().clone()}; a patience budget that counts down and is refilled on improvement."""
def fit(model, train_loader, val_loader, loss_fn, optimizer, n_epochs, patience=None):
    history = {"train_loss": [], "val_loss": [], "val_acc": []}
    best = None
    best_weights = None
    left = patience
    for _ in range(n_epochs):
        tr = train_one_epoch(model, train_loader, loss_fn, optimizer)
        vl, va = evaluate(model, val_loader, loss_fn)
        history["train_loss"].append(tr)
        history["val_loss"].append(vl)
        history["val_acc"].append(va)
        if patience is None:
            continue
        if best is None or vl < best:
            best = vl
            best_weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
            left = patience
        else:
            left -= 1
            if left == 0:
                break
    if best_weights is not None:
        model.load_state_dict(best_weights)
    return history
