"""Resets the counter whenever the loss is below the previous call's, not below the best so far.

Student: This is what comes out when the counter resets whenever a loss beats the previous one.
"""
class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.best_loss = math.inf
        self.best_epoch = None
        self.best_params = None
        self.previous = math.inf
        self.n_calls = 0
        self.n_worse = 0

    def step(self, val_loss, params):
        if val_loss < self.best_loss:
            self.best_loss = val_loss
            self.best_epoch = self.n_calls
            self.best_params = copy.deepcopy(params)
        if val_loss < self.previous:
            self.n_worse = 0
        else:
            self.n_worse += 1
        self.previous = val_loss
        self.n_calls += 1
        return self.n_worse >= self.patience
