-- wrk script: one non-streamed chat completion per request. KEY comes from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
wrk.body = '{"model": "stub", "messages": [{"role": "user", "content": "Waar vraag je huishoudelijke hulp aan via de Wmo? Mijn naam is Jan de Vries."}]}'

