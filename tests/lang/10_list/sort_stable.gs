# sort is stable: elements the comparator does not order keep their order (§11).
let people = [["bo", 3], ["al", 1], ["cy", 3], ["di", 2], ["ed", 1], ["fa", 3], ["gu", 2], ["hu", 1], ["io", 2], ["jo", 3]]
people.sort(fn(a, b) => a[1] < b[1])
print(people.map(fn(p) => p[0]).join(" "))
let words = ["pear", "fig", "kiwi", "plum", "date", "lime", "apple", "yam", "sloe", "nut", "grape", "quince"]
words.sort(fn(a, b) => len(a) < len(b))
print(words.join(" "))
# expect: al ed hu di gu io bo cy fa jo
# expect: fig yam nut pear kiwi plum date lime sloe apple grape quince
