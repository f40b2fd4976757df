# skip: helper module (its top level sleeps, then fails)
print("slow_fail: start")
sleep(0.02)
throw "slow_fail broke"
