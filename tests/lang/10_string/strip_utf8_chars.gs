# strip(chars) takes chars as UTF-8 characters: a multi-byte character is removed whole, never half of one.
print("ééaéé".strip("é"), "«quote»".strip("«»"), "éa".strip("\xa9"))
print(len("→x←".strip("←→")))
# expect: a quote éa
# expect: 1
