# string.format: every directive with flags, width and precision.
print("%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d".format(42, 7, 42, 42, 42, 42, 42, 5))
print("%s|%5s|%-5s|%.2s|%q|%q".format("x", "ab", "ab", "abcdef", "a\"b\n", [1, "s"]))
print("%f|%.2f|%8.3f|%-8.1f|%e|%.2E|%g|%G".format(3.14159, 3.14159, 3.14159, 2.5, 12345.678, 0.5, 0.0001, 1e20))
print("%x|%X|%#x|%o|%#o|%x".format(255, 255, 255, 8, 8, -255))
print("%c%c%c|%c|%%|%5.1f%%".format(71, 83, 0x20AC, "s", 99.96))
print("%s %s %s %s".format(nil, true, 1.0, {"a": 1}))
print("%d %f".format(3.0, 2))
# expect: 42|7|   42|42   |00042|+42| 42|005
# expect: x|   ab|ab   |ab|"a\"b\n"|[1, "s"]
# expect: 3.141590|3.14|   3.142|2.5     |1.234568e+04|5.00E-01|0.0001|1E+20
# expect: ff|FF|0xff|10|010|-ff
# expect: GS€|s|%|100.0%
# expect: nil true 1.0 {"a": 1}
# expect: 3 2.000000
