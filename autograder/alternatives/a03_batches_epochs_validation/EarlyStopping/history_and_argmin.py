"""Keeps the history of losses; the best is the first argmin; copies with a dict comprehension of .copy()."""
class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.history = []
        self.best_params = None

    @property
    def best_epoch(self):
        return int(np.argmin(self.history))

    @property
    def best_loss(self):
        return self.history[self.best_epoch]

    def step(self, val_loss, params):
        self.history.append(float(val_loss))
        if self.best_epoch == len(self.history) - 1:
            if isinstance(params, dict):
                self.best_params = {k: v.copy() for k, v in params.items()}
            else:
                self.best_params = params.copy()
        return len(self.history) - 1 - self.best_epoch >= self.patience
