#!/usr/bin/env bash
# Regenerates the app icons (committed; run only to change them). Needs ImageMagick: apt-get install -y imagemagick
set -euo pipefail
cd "$(dirname "$0")"
font=DejaVu-Sans-Bold
# Colour icon: 192×192, the accent colour full bleed, a white speech bubble with "SR".
convert -size 192x192 xc:'#2F5AA8' \
  -fill white -draw 'roundrectangle 36,40 156,128 18,18' -draw 'polygon 60,126 60,156 92,126' \
  -fill '#2F5AA8' -font "$font" -pointsize 44 -gravity center -annotate +0-12 'SR' \
  -strip PNG32:color.png
# Outline icon: 32×32, white on transparent only.
convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 -draw 'roundrectangle 3,4 28,22 4,4' \
  -fill white -stroke none -draw 'polygon 8,21 8,29 15,21' \
  -font "$font" -pointsize 10 -gravity center -annotate +0-3 'SR' \
  -strip PNG32:outline.png
