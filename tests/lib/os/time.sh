# os.time() agrees with the system clock.
set -e
gs_t=$("$GS" -e 'print(math.floor(os.time()))')
sh_t=$(date +%s)
d=$((sh_t - gs_t))
[ "$d" -ge 0 ] && [ "$d" -le 5 ] || { echo "gs $gs_t vs date $sh_t"; exit 1; }
