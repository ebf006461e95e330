"""Family groups (poktan), members and monthly registers."""
