"""Stops early correctly but never loads the best weights back: the model keeps the last epoch's.

Student: This is what comes out when fit stops early but the model keeps the last epoch's weights.
"""
def fit(model, train_loader, val_loader, loss_fn, optimizer, n_epochs, patience=None):
    history = {"train_loss": [], "val_loss": [], "val_acc": []}
    best_loss, waited = float("inf"), 0
    for epoch in range(n_epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        val_loss, val_acc = evaluate(model, val_loader, loss_fn)
        history["val_loss"].append(val_loss)
        history["val_acc"].append(val_acc)
        if patience is None:
            continue
        if val_loss < best_loss:
            best_loss, waited = val_loss, 0
        else:
            waited += 1
            if waited >= patience:
                break
    return history
