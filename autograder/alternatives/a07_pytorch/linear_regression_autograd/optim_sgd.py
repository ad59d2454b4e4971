"""torch.optim.SGD over [w, b] does the update and zeroing instead of manual no_grad updates."""
def linear_regression_autograd(x, y, lr, n_steps):
    xt = torch.tensor(x, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64)
    w = torch.zeros((), dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    for _ in range(n_steps):
        opt.zero_grad()
        loss = torch.mean((w * xt + b - yt) ** 2)
        loss.backward()
        opt.step()
    return w.item(), b.item()
