"""Stand-ins for the outside world that Sala talks to: real HTTP servers on loopback that
speak the same protocol as the real service, so the production adapters run unchanged
against them. The tests start them (fixtures) and the demo starts them
(`python -m standins`, from tools/run_demo.sh); the production settings never point at
them. Plain Python, no Django: they stand for other organisations' systems.
"""
