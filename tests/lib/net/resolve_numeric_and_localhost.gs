# net.resolve: numeric addresses come back as they are; localhost resolves (IPv4 first).
print(net.resolve("127.0.0.1"))
print(net.resolve("::1"))
print(net.resolve("localhost")[0])
try { net.resolve("") } catch e { print(e.kind) }
# expect: ["127.0.0.1"]
# expect: ["::1"]
# expect: 127.0.0.1
# expect: address_invalid
