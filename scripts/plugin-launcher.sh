#!/bin/sh
# pulumi-resource-cozmox @VERSION@: the Cozmox plugin, as `make release` packs it. The package and
# its dependencies are in lib/ beside this file, built for one Python minor version (lib/PYTHON);
# this runs that Python (PULUMI_COZMOX_PYTHON, else pythonX.Y, else python3 if it is X.Y) on them,
# isolated from any other site-packages (-I -S), so nothing else installed can shadow them.
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
want=$(cat "$here/lib/PYTHON")
for python in "${PULUMI_COZMOX_PYTHON:-}" "python$want" python3; do
    [ -n "$python" ] && command -v "$python" >/dev/null 2>&1 || continue
    have=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
    if [ "$have" = "$want" ]; then
        exec "$python" -I -S -c '
import runpy, site, sys
site.addsitedir(sys.argv.pop(1))
runpy.run_module("pulumi_cozmox.native", run_name="__main__", alter_sys=True)
' "$here/lib" "$@"
    fi
done
echo "pulumi-resource-cozmox: needs Python $want (python$want on PATH, or PULUMI_COZMOX_PYTHON)" >&2
exit 1
