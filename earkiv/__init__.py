"""Export of the verksamhet's allmänna handlingar to the kommun's e-arkiv as E-ARK SIP (FGS Paketstruktur)."""
