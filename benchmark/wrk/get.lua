-- GETs the URL with the headers given by -H (for measuring the stubs alone).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
