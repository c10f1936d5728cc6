"""Bad input to the model toolkit (missing/corrupt checkpoint, bad config, bad data): one line, exit 2."""


class ModelInputError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))
