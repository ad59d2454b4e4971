"""Counts a tie as an improvement (val_loss <= best): an equal loss resets the patience and moves the best epoch.

Student: This is what comes out when a tie with the best validation loss counts as an improvement.
"""
def fit(model, train_loader, val_loader, loss_fn, optimizer, n_epochs, patience=None):
    history = {"train_loss": [], "val_loss": [], "val_acc": []}
    best_loss, best_state, waited = float("inf"), None, 0
    for epoch in range(n_epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        val_loss, val_acc = evaluate(model, val_loader, loss_fn)
        history["val_loss"].append(val_loss)
        history["val_acc"].append(val_acc)
        if patience is None:
            continue
        if val_loss <= best_loss:
            best_loss, best_state, waited = val_loss, copy.deepcopy(model.state_dict()), 0
        else:
            waited += 1
            if waited >= patience:
                break
    if patience is not None and best_state is not None:
        model.load_state_dict(best_state)
    return history
