"""Stops when the counter exceeds patience (> instead of >=): one epoch too late.

Student: This is what comes out when training stops only once the counter goes past patience.
"""
class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.best_loss = math.inf
        self.best_epoch = None
        self.best_params = None
        self.n_calls = 0
        self.n_worse = 0

    def step(self, val_loss, params):
        if val_loss < self.best_loss:
            self.best_loss = val_loss
            self.best_epoch = self.n_calls
            self.best_params = copy.deepcopy(params)
            self.n_worse = 0
        else:
            self.n_worse += 1
        self.n_calls += 1
        return self.n_worse > self.patience
