"""The theme's side: the Material version guard and what is done to Material's rendered markup."""
