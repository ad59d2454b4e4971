"""Loss is the sum of squared errors, not the mean: steps are m times too large.

Student: This is what comes out when the loss adds up the squared errors over all the samples.
"""
def linear_regression_autograd(x, y, lr, n_steps):
    xt = torch.as_tensor(x, dtype=torch.float64)
    yt = torch.as_tensor(y, dtype=torch.float64)
    w = torch.zeros((), dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    for _ in range(n_steps):
        loss = ((w * xt + b - yt) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return float(w.item()), float(b.item())
