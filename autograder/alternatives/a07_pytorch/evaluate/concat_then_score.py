"""Collects all scores and labels (under no_grad), then one loss_fn call and one accuracy over the whole set."""
def evaluate(model, loader, loss_fn):
    model.eval()
    outs, ys = [], []
    with torch.no_grad():
        for xb, yb in loader:
            outs.append(model(xb))
            ys.append(yb)
        scores, labels = torch.cat(outs), torch.cat(ys)
        loss = loss_fn(scores, labels).item()
    accuracy = (scores.argmax(dim=-1) == labels).double().mean().item()
    return float(loss), float(accuracy)
