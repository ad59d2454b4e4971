"""Counts everything in state_dict(), so batch norm's running statistics (buffers) are counted too.

Student: This is what comes out when everything in the state_dict is counted, buffers included.
"""
def count_parameters(model, trainable_only=False):
    if trainable_only:
        return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
    return int(sum(v.numel() for v in model.state_dict().values()))
