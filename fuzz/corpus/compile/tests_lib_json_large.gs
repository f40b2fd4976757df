# A large document round-trips (exercises buffer growth and the GC).
# slow
let items = []
for i in 0..20000 { items.push({"id": i, "name": "item ${i}", "tags": ["a", "b"], "w": i * 0.5}) }
let text = json.encode(items)
let back = json.decode(text)
print(len(back), back[19999]["name"], back[123]["w"], json.encode(back) == text)
# expect: 20000 item 19999 61.5 true
