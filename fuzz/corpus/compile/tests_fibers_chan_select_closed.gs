# A closed channel is ready in select: it gives [index, nil].
let a = chan()
let b = chan()
spawn { b.close() }
print(select([a, b]))
# expect: [1, nil]
