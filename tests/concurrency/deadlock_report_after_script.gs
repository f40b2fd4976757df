# Fibers left blocked after the script ends are listed too, with select and send.
let a = chan()
spawn { select([a, chan()]) }
spawn { chan().send(1) }
# expect error: deadlock: 2 fibers blocked
# expect error:   fiber 1: select on 2 channels at
# expect error:   fiber 2: send on channel 0x
