#!/bin/sh
# /usr/bin/metrology-day: start the program installed in /opt/metrology-day (found from here,
# so it also runs from a package unpacked elsewhere with dpkg -x).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../../opt/metrology-day/metrology-day" "$@"
