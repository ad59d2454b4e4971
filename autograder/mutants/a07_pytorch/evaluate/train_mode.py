"""Never calls model.eval(): dropout stays on and batch norm uses (and updates) batch statistics.

Student: This is what comes out when the model is evaluated while it is still in training mode.
"""
def evaluate(model, loader, loss_fn):
    total, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for xb, yb in loader:
            scores = model(xb)
            total += loss_fn(scores, yb).item() * len(xb)
            correct += int((scores.argmax(dim=1) == yb).sum())
            count += len(xb)
    return total / count, correct / count
