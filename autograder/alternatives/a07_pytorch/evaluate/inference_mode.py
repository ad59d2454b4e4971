"""torch.inference_mode() instead of torch.no_grad(); accuracy via (pred == y).float().sum()."""
def evaluate(model, loader, loss_fn):
    model.eval()
    loss_sum, hits, seen = 0.0, 0.0, 0
    with torch.inference_mode():
        for xb, yb in loader:
            out = model(xb)
            loss_sum += loss_fn(out, yb).item() * xb.shape[0]
            hits += (out.argmax(1) == yb).float().sum().item()
            seen += xb.shape[0]
    return loss_sum / seen, hits / seen
