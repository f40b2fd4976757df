# pad_left/pad_right count UTF-8 characters, not bytes, and the fill may be any one character.
print("héllo".pad_left(7, "*"), "ñ".pad_right(3, "·") + "|", len("é".pad_left(2)))
# expect: **héllo ñ··| 3
