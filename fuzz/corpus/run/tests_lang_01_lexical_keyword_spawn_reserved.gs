# 'spawn', 'yield', 'import' and 'as' are keywords too.
let spawn = 1
# expect error: keyword_spawn_reserved.gs:2:5:
# expect no output
