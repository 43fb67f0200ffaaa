-- POSTs one GraphQL request over and over (closed loop):
--   wrk ... -s graphql.lua <gateway>/graphql -- <body file> <token file> [sample every n]
-- Every n-th response (default 10) is checked for a GraphQL "errors" member.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

function init(args)
  wrk.method = "POST"
  wrk.body = slurp(args[1])
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/graphql-response+json"
  wrk.headers["Authorization"] = "Bearer " .. (slurp(args[2]):gsub("%s+$", ""))
  every = tonumber(args[3] or "10")
  seen, sampled, gql_errors, example = 0, 0, 0, ""
end

function response(status, headers, body)
  seen = seen + 1
  if seen % every ~= 0 then return end
  sampled = sampled + 1
  if body and body:find('"errors"', 1, true) then
    gql_errors = gql_errors + 1
    if example == "" then example = body:sub(1, 300) end
  end
end
