# Keywords are reserved; every misuse in a file is reported.
let if = 1
let nil = 2
let self = 3
let try = 4
let import = 5
let as = 6
# expect error: keywords_reserved.gs:2:5:
# expect error: keywords_reserved.gs:3:5:
# expect error: keywords_reserved.gs:4:5:
# expect error: keywords_reserved.gs:5:5:
# expect error: keywords_reserved.gs:6:5:
# expect error: keywords_reserved.gs:7:5:
# expect no output
