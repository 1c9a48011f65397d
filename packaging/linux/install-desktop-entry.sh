#!/bin/sh
# Add 值班台 DutyDesk to the current user's application menu (and desktop, when there is one).
# Run it from the unpacked tarball folder; no administrator rights needed. Run it again after
# moving the folder. Remove with: rm ~/.local/share/applications/dutydesk.desktop
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icons="$data/icons/hicolor"
mkdir -p "$apps"
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$here/_internal/dutydesk/resources/icons/dutydesk-$size.png" "$icons/${size}x${size}/apps/dutydesk.png"
done
mkdir -p "$icons/scalable/apps"
cp "$here/_internal/dutydesk/resources/icons/dutydesk.svg" "$icons/scalable/apps/dutydesk.svg"
# Point Exec at this folder's program; quoted so a path with spaces works.
sed -e "s|^Exec=dutydesk|Exec=\"$here/dutydesk\"|" "$here/dutydesk.desktop" > "$apps/dutydesk.desktop"
chmod +x "$apps/dutydesk.desktop"
desktop="$(xdg-user-dir DESKTOP 2>/dev/null || true)"
[ -n "$desktop" ] || desktop="$HOME/Desktop"
if [ -d "$desktop" ]; then
  cp "$apps/dutydesk.desktop" "$desktop/dutydesk.desktop"
  chmod +x "$desktop/dutydesk.desktop"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icons" >/dev/null 2>&1 || true
echo "已添加到应用程序菜单：值班台（$apps/dutydesk.desktop）"
