"""Counts down from patience; np.array(params, copy=True) for arrays and a dict comprehension for dicts."""
class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.best_loss = None
        self.best_epoch = -1
        self.best_params = None
        self._epoch = -1
        self._left = patience

    def step(self, val_loss, params):
        self._epoch += 1
        if self.best_loss is None or val_loss < self.best_loss:
            self.best_loss = val_loss
            self.best_epoch = self._epoch
            if type(params) is dict:
                self.best_params = {key: np.array(value, copy=True) for key, value in params.items()}
            else:
                self.best_params = np.array(params, copy=True)
            self._left = self.patience
            return False
        self._left -= 1
        return self._left <= 0
