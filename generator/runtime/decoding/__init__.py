"""Reading an answer: JSON and XML bodies into models through the spec's shapes, errors into ``ApiError``."""
