"""Once-only data: what national registries already hold about a person or a business,
asked through CamDX (Cambodia's X-Road data exchange) instead of asking the person again.

`camdx.CamdxClient` is the one adapter (X-Road REST: client and service identifiers in
headers, the citizen's id and the case reference with every call, answers signed by the
registry); `lookups` are the actions other apps call (`do_look_up`), each writing one
`models.Lookup` (the portal's message log) and one audit entry about the person;
`sources` names what a service's form may take from which registry.
"""
