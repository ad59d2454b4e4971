"""Decides to stop from the history: epochs since the argmin of val_loss (first minimum); best state via copy.deepcopy(model) weights."""
def fit(model, train_loader, val_loader, loss_fn, optimizer, n_epochs, patience=None):
    history = {"train_loss": [], "val_loss": [], "val_acc": []}
    best_model = None
    for epoch in range(n_epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        val_loss, val_acc = evaluate(model, val_loader, loss_fn)
        history["val_loss"].append(val_loss)
        history["val_acc"].append(val_acc)
        if patience is None:
            continue
        best_epoch = int(np.argmin(history["val_loss"]))
        if best_epoch == epoch:
            best_model = copy.deepcopy(model)
        elif epoch - best_epoch >= patience:
            break
    if best_model is not None:
        model.load_state_dict(best_model.state_dict())
    return history
