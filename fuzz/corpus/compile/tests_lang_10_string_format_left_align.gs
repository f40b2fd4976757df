# format: %-10s pads on the right.
print("[" + "%-10s".format("hi") + "]")
print("[" + "%-3s".format("toolong") + "]")
# expect: [hi        ]
# expect: [toolong]
