"""Returns the number of correct samples as the accuracy, not the fraction.

Student: This is what comes out when the count of correct samples is returned as the accuracy.
"""
def evaluate(model, loader, loss_fn):
    model.eval()
    total, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for xb, yb in loader:
            scores = model(xb)
            total += loss_fn(scores, yb).item() * len(xb)
            correct += int((scores.argmax(dim=1) == yb).sum())
            count += len(xb)
    return total / count, float(correct)
