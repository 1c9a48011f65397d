"""One-time notices and proxy cases (一次性告知, 代办; N, P): the catalogue, notices, 代办单,
their follow-ups, investigations, agents, slip numbers and reprints."""
