# skip: helper module (fails on purpose)
let ok = 1
let bad = 1 + nil
