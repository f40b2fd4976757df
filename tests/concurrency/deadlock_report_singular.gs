# One blocked fiber is reported in the singular.
chan().send(1)
# expect error: deadlock: 1 fiber blocked
# expect error:   fiber 0 (main): send on channel 0x
