"""Tests of consilience.extract.numbers: the quantity and rank grammar and the hedge rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.extract._scan import first_chars, gated
from consilience.extract.numbers import (
    HEDGE_RULE,
    find_quantities,
    hedged_interval,
    parse_number,
    precision_of,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

# (sentence, [(text, kind, unit, point, low, high, hedge), ...]) for quantities and
# (sentence, [(text, "rank", superlative, point, low, high, hedge), ...]) for ranks: every mention.
TABLE = [
    ('Bilateral trade was worth more than US$123.86 billion last year, up 11% from 2021.', [('more than US$123.86 billion', 'money', 'USD', 123860000000.0, 123860000000.0, 128814000000.0, 'over'), ('11%', 'percent', '%', 11.0, 10.5, 12.0, 'exact')]),
    ('U.S. investment in Vietnam has topped $11 billion, the 11th highest of any country or territory.', [('topped $11 billion', 'money', 'USD', 11000000000.0, 11000000000.0, 13200000000.0, 'over'), ('11th highest', 'rank', 'highest', 11, 11, 11, 'exact')]),
    ('Every year some 25,000 Vietnamese students study abroad in the U.S.', [('some 25,000', 'count', 'student', 25000.0, 20000.0, 30000.0, 'about')]),
    ('The U.S. handed over two Hamilton-class vessels.', [('two', 'count', 'vessel', 2.0, 1.9, 2.2, 'exact')]),
    ('It has returned the remains of more than 730 service members.', [('more than 730', 'count', 'member', 730.0, 730.0, 850.0, 'over')]),
    ('It handed over 733 sets of remains of missing soldiers.', [('733', 'count', 'remains', 733.0, 732.5, 734.0, 'exact')]),
    # signs written as words; "and" joins the parts of one number only after a scale word
    ('It fell to minus 5 degrees overnight.', [('minus 5', 'count', 'degree', -5.0, -5.25, -4.5, 'exact')]),
    ('Growth was negative 2% in the quarter.', [('negative 2%', 'percent', '%', -2.0, -2.1, -1.8, 'exact')]),
    ('Ten minus 5 is five, said 10 minus 5 voters.', [('Ten', 'number', '', 10.0, 9.5, 11.0, 'exact'), ('5', 'number', '', 5.0, 4.75, 5.5, 'exact'), ('10', 'number', '', 10.0, 9.5, 11.0, 'exact'), ('5', 'count', 'voter', 5.0, 4.75, 5.5, 'exact')]),
    ('Temperatures will range between ten and fifteen degrees.', [('between ten and fifteen', 'count', 'degree', 12.5, 10.0, 15.0, 'exact')]),
    ('He scored between negative ten and fifteen points.', [('between negative ten and fifteen', 'number', '', 2.5, -10.0, 15.0, 'exact')]),
    ('It has one thousand and one rooms.', [('one thousand and one', 'count', 'room', 1001.0, 1000.5, 1002.0, 'exact')]),
    ('The loan was 100,000 ரூ.', [('100,000 ரூ', 'money', 'LKR', 100000.0, 95000.0, 110000.0, 'exact')]),
    ('Bilateral trade turnover hit US$123 billion, four times the number in 2013.', [('US$123 billion', 'money', 'USD', 123000000000.0, 122500000000.0, 124000000000.0, 'exact'), ('four times', 'multiplier', 'x', 4.0, 3.8, 4.4, 'exact')]),
    ('Two-way trade rose over 240 times to more than US$130 billion in 2022 from $451 million in 1995.', [('over 240 times', 'multiplier', 'x', 240.0, 240.0, 288.0, 'over'), ('more than US$130 billion', 'money', 'USD', 130000000000.0, 130000000000.0, 156000000000.0, 'over'), ('$451 million', 'money', 'USD', 451000000.0, 450500000.0, 452000000.0, 'exact')]),
    ('The US is one of the biggest investors with nearly 1,150 underway projects.', [('one of the biggest', 'rank', 'biggest', 1, 1, 5, 'at-most'), ('nearly 1,150', 'count', 'project', 1150.0, 1030.0, 1150.0, 'nearly')]),
    ('Total investment capital of over $10.3 billion ranks 11th out of 141 economies.', [('over $10.3 billion', 'money', 'USD', 10300000000.0, 10300000000.0, 11500000000.0, 'over'), ('11th out of 141 economies', 'rank', 'ranked', 11, 11, 11, 'exact')]),
    ('Investments have exceeded $11 billion, with over 1,200 projects.', [('exceeded $11 billion', 'money', 'USD', 11000000000.0, 11000000000.0, 13200000000.0, 'over'), ('over 1,200', 'count', 'project', 1200.0, 1200.0, 1440.0, 'over')]),
    ('A group of 50 business executives arrived.', [('50', 'count', 'executive', 50.0, 47.5, 55.0, 'exact')]),
    ('The companies poured US$11.4 billion into projects.', [('US$11.4 billion', 'money', 'USD', 11400000000.0, 11350000000.0, 11500000000.0, 'exact')]),
    ('Vietnam is the eighth largest trading partner for the U.S.', [('eighth largest', 'rank', 'largest', 8, 8, 8, 'exact')]),
    ('Vietnam ranks as the seventh-largest commercial partner.', [('seventh-largest', 'rank', 'largest', 7, 7, 7, 'exact')]),
    ("The U.S. is Vietnam's largest export market and its second largest trading partner.", [('largest', 'rank', 'largest', 1, 1, 1, 'exact'), ('second largest', 'rank', 'largest', 2, 2, 2, 'exact')]),
    ('The US was also the 11th biggest foreign investor.', [('11th biggest', 'rank', 'biggest', 11, 11, 11, 'exact')]),
    ('Trade surpassed $123.86 billion, marking an 11% increase from the previous year.', [('surpassed $123.86 billion', 'money', 'USD', 123860000000.0, 123860000000.0, 128814000000.0, 'over'), ('11%', 'percent', '%', 11.0, 10.5, 12.0, 'exact')]),
    ('The deal is worth USD 1.2bn.', [('USD 1.2bn', 'money', 'USD', 1200000000.0, 1150000000.0, 1300000000.0, 'exact')]),
    ('The deal is worth 1.2 billion dollars.', [('1.2 billion dollars', 'money', 'USD', 1200000000.0, 1150000000.0, 1300000000.0, 'exact')]),
    ('The deal is worth $1,200 million.', [('$1,200 million', 'money', 'USD', 1200000000.0, 1150000000.0, 1300000000.0, 'exact')]),
    ('The club paid €3.5m for the striker.', [('€3.5m', 'money', 'EUR', 3500000.0, 3450000.0, 3600000.0, 'exact')]),
    ('The state spent VND 20 trillion on roads.', [('VND 20 trillion', 'money', 'VND', 20000000000000.0, 19000000000000.0, 22000000000000.0, 'exact')]),
    ('The painting sold for £40,000.', [('£40,000', 'money', 'GBP', 40000.0, 38000.0, 44000.0, 'exact')]),
    ('Japan pledged ¥500 billion in aid.', [('¥500 billion', 'money', 'JPY', 500000000000.0, 475000000000.0, 550000000000.0, 'exact')]),
    ('The fine was 2.5 million euros.', [('2.5 million euros', 'money', 'EUR', 2500000.0, 2450000.0, 2600000.0, 'exact')]),
    ('Profits reached Rs 450 crore.', [('Rs 450 crore', 'money', 'INR', 4500000000.0, 4450000000.0, 4600000000.0, 'exact')]),
    ('The bank raised HK$8.2 billion.', [('HK$8.2 billion', 'money', 'HKD', 8200000000.0, 8150000000.0, 8300000000.0, 'exact')]),
    ('Sales were A$1.5 billion.', [('A$1.5 billion', 'money', 'AUD', 1500000000.0, 1450000000.0, 1600000000.0, 'exact')]),
    ('Revenue was C$300 million.', [('C$300 million', 'money', 'CAD', 300000000.0, 285000000.0, 330000000.0, 'exact')]),
    ('China lent 10 billion yuan.', [('10 billion yuan', 'money', 'CNY', 10000000000.0, 9500000000.0, 11000000000.0, 'exact')]),
    ('Damage is estimated at $2 billion.', [('$2 billion', 'money', 'USD', 2000000000.0, 1900000000.0, 2200000000.0, 'exact')]),
    ('The bill costs about $1 trillion.', [('about $1 trillion', 'money', 'USD', 1000000000000.0, 800000000000.0, 1200000000000.0, 'about')]),
    ('The prize is up to $50,000.', [('up to $50,000', 'money', 'USD', 50000.0, 40000.0, 50000.0, 'at-most')]),
    ('Tickets cost less than $20.', [('less than $20', 'money', 'USD', 20.0, 16.0, 20.0, 'under')]),
    ('The budget is at least $5 million.', [('at least $5 million', 'money', 'USD', 5000000.0, 5000000.0, 6000000.0, 'at-least')]),
    ('Losses approached $3 billion.', [('approached $3 billion', 'money', 'USD', 3000000000.0, 2400000000.0, 3000000000.0, 'nearly')]),
    ('They raised roughly $300k.', [('roughly $300k', 'money', 'USD', 300000.0, 240000.0, 360000.0, 'about')]),
    ('Output was valued at $ 75 million.', [('$ 75 million', 'money', 'USD', 75000000.0, 74500000.0, 76000000.0, 'exact')]),
    ('A fund of $10 billion to $12 billion is planned.', [('$10 billion to $12 billion', 'money', 'USD', 11000000000.0, 10000000000.0, 12000000000.0, 'exact')]),
    ('Inflation eased to 3.2% in June.', [('3.2%', 'percent', '%', 3.2, 3.15, 3.3, 'exact')]),
    ('Turnout was 66.8 percent.', [('66.8 percent', 'percent', '%', 66.8, 66.75, 66.9, 'exact')]),
    ('Unemployment fell to 4 per cent.', [('4 per cent', 'percent', '%', 4.0, 3.8, 4.4, 'exact')]),
    ('The party won 52% of the vote.', [('52%', 'percent', '%', 52.0, 51.5, 53.0, 'exact')]),
    ('Rates rose by 25 basis points.', [('25 basis points', 'points', 'pp', 0.25, 0.245, 0.26, 'exact')]),
    ('The jobless rate fell 0.3 percentage points.', [('0.3 percentage points', 'points', 'pp', 0.3, 0.285, 0.33, 'exact')]),
    ('Support is between 40% and 45%.', [('between 40% and 45%', 'percent', '%', 42.5, 40.0, 45.0, 'exact')]),
    ('Prices climbed nearly 9% year-on-year.', [('nearly 9%', 'percent', '%', 9.0, 7.2, 9.0, 'nearly')]),
    ('GDP grew 6.5% in 2022 from a year earlier.', [('6.5%', 'percent', '%', 6.5, 6.45, 6.6, 'exact')]),
    ('Exports dropped 11.4% from 2021.', [('11.4%', 'percent', '%', 11.4, 11.35, 11.5, 'exact')]),
    ('Almost 30% of voters are undecided.', [('Almost 30%', 'percent', '%', 30.0, 24.0, 30.0, 'nearly')]),
    ('About 70 per cent of the country is forested.', [('About 70 per cent', 'percent', '%', 70.0, 56.0, 84.0, 'about')]),
    ('Over 90% of schools reopened.', [('Over 90%', 'percent', '%', 90.0, 90.0, 108.0, 'over')]),
    ('Vaccination reached 80 pct.', [('80 pct', 'percent', '%', 80.0, 76.0, 88.0, 'exact')]),
    ('Approval slid two points to 41%.', [('41%', 'percent', '%', 41.0, 40.5, 42.0, 'exact')]),
    ('At least 45 people were killed in the quake.', [('At least 45', 'count', 'person', 45.0, 45.0, 54.0, 'at-least')]),
    ('Nearly 1,000 homes were destroyed.', [('Nearly 1,000', 'count', 'home', 1000.0, 800.0, 1000.0, 'nearly')]),
    ('More than 2,000 troops were deployed.', [('More than 2,000', 'count', 'troop', 2000.0, 2000.0, 2400.0, 'over')]),
    ('Some 3 million people were displaced.', [('Some 3 million', 'count', 'person', 3000000.0, 2400000.0, 3600000.0, 'about')]),
    ('An estimated 500 protesters gathered.', [('An estimated 500', 'count', 'protester', 500.0, 400.0, 600.0, 'about')]),
    ('The flood left 12 dead and 40 injured.', [('12', 'count', 'dead', 12.0, 11.5, 13.0, 'exact'), ('40', 'count', 'injured', 40.0, 38.0, 44.0, 'exact')]),
    ('Rescuers found 23 survivors.', [('23', 'count', 'survivor', 23.0, 22.5, 24.0, 'exact')]),
    ('The airline cancelled 1,500 flights.', [('1,500', 'count', 'flight', 1500.0, 1450.0, 1600.0, 'exact')]),
    ('The team has won 20 titles.', [('20', 'count', 'title', 20.0, 19.0, 22.0, 'exact')]),
    ('Police arrested 17 suspects.', [('17', 'count', 'suspect', 17.0, 16.5, 18.0, 'exact')]),
    ('About 200 students staged a walkout.', [('About 200', 'count', 'student', 200.0, 160.0, 240.0, 'about')]),
    ('Twenty-eight miners were trapped.', [('Twenty-eight', 'count', 'miner', 28.0, 27.5, 29.0, 'exact')]),
    ('A dozen ministers resigned.', [('A dozen', 'count', 'minister', 12.0, 11.5, 13.0, 'exact')]),
    ('Four children were rescued.', [('Four', 'count', 'child', 4.0, 3.8, 4.4, 'exact')]),
    ('The firm will cut 1,200 jobs.', [('1,200', 'count', 'job', 1200.0, 1150.0, 1300.0, 'exact')]),
    ('Up to 300 migrants were on board.', [('Up to 300', 'count', 'migrant', 300.0, 240.0, 300.0, 'at-most')]),
    ('Fewer than 100 tickets remain.', [('Fewer than 100', 'count', 'ticket', 100.0, 80.0, 100.0, 'under')]),
    ('As many as 60 boats joined the search.', [('As many as 60', 'count', 'boat', 60.0, 48.0, 60.0, 'at-most')]),
    ('Between 10 and 12 people died.', [('Between 10 and 12', 'count', 'person', 11.0, 10.0, 12.0, 'exact')]),
    ('10-12 patients were treated.', [('10-12', 'count', 'patient', 11.0, 10.0, 12.0, 'exact')]),
    ('The storm damaged over 4,500 buildings.', [('over 4,500', 'count', 'building', 4500.0, 4500.0, 5400.0, 'over')]),
    ('Voters cast 1.2 million ballots.', [('1.2 million', 'count', 'ballot', 1200000.0, 1150000.0, 1300000.0, 'exact')]),
    ('The census counted 331 million people.', [('331 million', 'count', 'person', 331000000.0, 330500000.0, 332000000.0, 'exact')]),
    ('Scientists identified 1,200 new species.', [('1,200', 'count', 'species', 1200.0, 1150.0, 1300.0, 'exact')]),
    ('The telescope found 5,000 exoplanets.', [('5,000', 'count', 'exoplanet', 5000.0, 4750.0, 5500.0, 'exact')]),
    ('The mission carried seven astronauts.', [('seven', 'count', 'astronaut', 7.0, 6.65, 7.7, 'exact')]),
    ('Hospitals reported 3,400 new cases.', [('3,400', 'count', 'case', 3400.0, 3350.0, 3500.0, 'exact')]),
    ('The virus killed more than 6.9 million people.', [('more than 6.9 million', 'count', 'person', 6900000.0, 6900000.0, 8100000.0, 'over')]),
    ('Half a million people marched.', [('Half a million', 'count', 'person', 500000.0, 475000.0, 550000.0, 'exact')]),
    ('The company employs 120,000 workers.', [('120,000', 'count', 'worker', 120000.0, 115000.0, 130000.0, 'exact')]),
    ('Some 25,000 students study abroad each year.', [('Some 25,000', 'count', 'student', 25000.0, 20000.0, 30000.0, 'about')]),
    ('Exports grew threefold since 2010.', [('threefold', 'multiplier', 'x', 3.0, 3.0, 3.0, 'exact')]),
    ('Sales doubled in 2021.', [('doubled', 'multiplier', 'x', 2.0, 2.0, 2.0, 'exact')]),
    ('The price is twice the level of 2019.', [('twice', 'multiplier', 'x', 2.0, 2.0, 2.0, 'exact')]),
    ('Demand is four times the supply.', [('four times', 'multiplier', 'x', 4.0, 3.8, 4.4, 'exact')]),
    ('Output jumped 3x in a decade.', [('3x', 'multiplier', 'x', 3.0, 2.85, 3.3, 'exact')]),
    ('Profit rose 15% to $4.2 billion from $3.6 billion.', [('15%', 'percent', '%', 15.0, 14.5, 16.0, 'exact'), ('$4.2 billion', 'money', 'USD', 4200000000.0, 4150000000.0, 4300000000.0, 'exact'), ('$3.6 billion', 'money', 'USD', 3600000000.0, 3550000000.0, 3700000000.0, 'exact')]),
    ('The toll rose to 45 from 30.', [('45', 'number', '', 45.0, 44.5, 46.0, 'exact'), ('30', 'number', '', 30.0, 28.5, 33.0, 'exact')]),
    ('Revenue fell 8% compared with 2020.', [('8%', 'percent', '%', 8.0, 7.6, 8.8, 'exact')]),
    ('The index rose 2% on the previous month.', [('2%', 'percent', '%', 2.0, 1.9, 2.2, 'exact')]),
    ('Texas is the second-largest state.', [('second-largest', 'rank', 'largest', 2, 2, 2, 'exact')]),
    ("It is the world's third biggest economy.", [('third biggest', 'rank', 'biggest', 3, 3, 3, 'exact')]),
    ('Ireland ranked 11th out of 141 economies.', [('11th out of 141 economies', 'rank', 'ranked', 11, 11, 11, 'exact')]),
    ('She finished third in the race.', [('third', 'rank', 'ranked', 3, 3, 3, 'exact')]),
    ('Germany is one of the largest exporters.', [('one of the largest', 'rank', 'largest', 1, 1, 5, 'at-most')]),
    ('China is the largest trading partner of Vietnam.', [('largest', 'rank', 'largest', 1, 1, 1, 'exact')]),
    ('It became the 8th-largest economy.', [('8th-largest', 'rank', 'largest', 8, 8, 8, 'exact')]),
    ('The city is the fifth most populous in the country.', [('fifth most populous', 'rank', 'most populous', 5, 5, 5, 'exact')]),
    ('India is the most populous country.', [('most populous', 'rank', 'most populous', 1, 1, 1, 'exact')]),
    ('He came second in the election.', [('second', 'rank', 'ranked', 2, 2, 2, 'exact')]),
    ('The port is the busiest in the region.', []),
    ('The country ranks 42nd among 180 nations.', [('42nd among 180 nations', 'rank', 'ranked', 42, 42, 42, 'exact')]),
    ("Canada is the US's top trading partner.", [('top', 'rank', 'top', 1, 1, 1, 'exact')]),
    ('Tokyo is one of the most visited cities.', [('one of the most visited', 'rank', 'most visited', 1, 1, 5, 'at-most')]),
    ('The two countries agreed to cooperate.', []),
    ('He may come back in May.', []),
    ('The meeting was held on July 25, 2013.', []),
    ('Trump visited twice in 2017 and 2019.', []),
    ('Covid-19 cases fell.', []),
    ('He was the first US president to visit.', []),
    ('The visitors won over 60% of the vote.', [('over 60%', 'percent', '%', 60.0, 60.0, 72.0, 'over')]),
    ('The flood left 12 dead and 40 injured.', [('12', 'count', 'dead', 12.0, 11.5, 13.0, 'exact'), ('40', 'count', 'injured', 40.0, 38.0, 44.0, 'exact')]),
    ('Losses approached $3 billion.', [('approached $3 billion', 'money', 'USD', 3000000000.0, 2400000000.0, 3000000000.0, 'nearly')]),
    ('Exports grew threefold since 2010.', [('threefold', 'multiplier', 'x', 3.0, 3.0, 3.0, 'exact')]),
    ('The toll climbed to 11 as rescuers found more victims.', [('11', 'number', '', 11.0, 10.5, 12.0, 'exact')]),
    ('Oil prices surged 40% to $120 a barrel.', [('40%', 'percent', '%', 40.0, 38.0, 44.0, 'exact'), ('$120', 'money', 'USD', 120.0, 115.0, 130.0, 'exact')]),
    ('The measure passed with 218 votes.', [('218', 'count', 'vote', 218.0, 217.5, 219.0, 'exact')]),
    ('Snowfall reached 45 centimetres.', [('45 centimetres', 'count', 'centimetre', 45.0, 44.5, 46.0, 'exact')]),
    ('The fire burned 10,000 hectares.', [('10,000 hectares', 'count', 'hectare', 10000.0, 9500.0, 11000.0, 'exact')]),
    ('Turnout was greater than 60% and less than 70%.', [('greater than 60% and less than 70%', 'percent', '%', 65.0, 60.0, 70.0, 'exact')]),
    ('The chip is the one hundred twenty-fifth of its kind.', []),
    ('It rained 310 mm in a day, or 12 inches.', [('310 mm', 'count', 'millimetre', 310.0, 305.0, 320.0, 'exact'), ('12 inches', 'count', 'inch', 12.0, 11.5, 13.0, 'exact')]),
    ('The drone flew 40 km at 120 km/h.', [('40 km', 'count', 'kilometre', 40.0, 38.0, 44.0, 'exact'), ('120 km/h', 'count', 'kilometre per hour', 120.0, 115.0, 130.0, 'exact')]),
    ('It only cost one dollar.', [('one dollar', 'money', 'USD', 1.0, 0.95, 1.1, 'exact')]),
    ('They sold 3 dozens of eggs.', [('3 dozens', 'number', '', 36.0, 34.2, 39.6, 'exact')]),
    ('The club finished in 87th minute drama.', [('87th', 'rank', 'ordinal', 87, 87, 87, 'exact')]),
    ('Police officers numbered about 2,000.', [('about 2,000', 'number', '', 2000.0, 1600.0, 2400.0, 'about')]),
    ('Rates rose from 5 to 11 percent.', [('5', 'number', '', 5.0, 4.75, 5.5, 'exact'), ('11 percent', 'percent', '%', 11.0, 10.5, 12.0, 'exact')]),
    ('Women made up 41% of the sample.', [('41%', 'percent', '%', 41.0, 40.5, 42.0, 'exact')]),
    ('The temperature hit 45 °C in the shade.', [('45 °C', 'count', 'degree celsius', 45.0, 44.5, 46.0, 'exact')]),
    ('Output fell to .08 percent.', [('.08 percent', 'percent', '%', 0.08, 0.076, 0.088, 'exact')]),
    ('The bill was approved by 52 votes to 48.', [('52', 'count', 'vote', 52.0, 51.5, 53.0, 'exact'), ('48', 'number', '', 48.0, 47.5, 49.0, 'exact')]),
    ('The deal values the firm at HK$ 8 billion.', [('HK$ 8 billion', 'money', 'HKD', 8000000000.0, 7600000000.0, 8800000000.0, 'exact')]),
    ('They built two-thirds of the houses.', []),
    # bounds joined across a bare figure, an open side after an approximation, Indian grouping, symbols after
    ('There were at most 100 and at least 20 apples.', [('at most 100 and at least 20', 'count', 'apple', 60.0, 20.0, 100.0, 'exact')]),
    ('Turnout was about five hundred or more.', [('about five hundred or more', 'number', '', 500.0, 500.0, 600.0, 'at-least')]),
    ('About 500 or less were sold.', [('About 500 or less', 'number', '', 500.0, 400.0, 500.0, 'at-most')]),
    ('The bill was Rs 12,34,567.89 in all.', [('Rs 12,34,567.89', 'money', 'INR', 1234570.0, 1234570.0, 1234570.0, 'exact')]),
    ('The fund holds 1,23,456 shares.', [('1,23,456', 'count', 'share', 123456.0, 123456.0, 123457.0, 'exact')]),
    ('Exercises 22,24,26,31 were set.', [('22', 'number', '', 22.0, 21.5, 23.0, 'exact'), ('24', 'number', '', 24.0, 23.5, 25.0, 'exact'),
                                          ('26', 'number', '', 26.0, 25.5, 27.0, 'exact'), ('31', 'number', '', 31.0, 30.5, 32.0, 'exact')]),
    ('A ticket costs 100 € here.', [('100 €', 'money', 'EUR', 100.0, 95.0, 110.0, 'exact')]),
    ('He spent 100₾ on a bicycle.', [('100₾', 'money', 'GEL', 100.0, 95.0, 110.0, 'exact')]),
    ('The revenue target is US$ 1MM.', [('US$ 1MM', 'money', 'USD', 1000000.0, 950000.0, 1100000.0, 'exact')]),
    ('A 5mm screw fell out.', [('5mm', 'count', 'millimetre', 5.0, 4.75, 5.5, 'exact')]),
    # parts written after a scale word; a dozen counts the small number before it; lakh crore; decimals in words
    ('I can lend you 3 hundred and 21 dollars.', [('3 hundred and 21 dollars', 'money', 'USD', 321.0, 320.5, 322.0, 'exact')]),
    ('We counted 4 thousand 3 hundred and 21 ballots.', [('4 thousand 3 hundred and 21', 'count', 'ballot', 4321.0, 4320.5, 4322.0, 'exact')]),
    ('In 3 thousand 2021 was a year.', [('3 thousand', 'number', '', 3000.0, 2850.0, 3300.0, 'exact')]),
    ('They sold three hundred and two dozen eggs.', [('three hundred and two dozen', 'count', 'egg', 324.0, 323.5, 325.0, 'exact')]),
    ('They shipped 5 dzs of roses.', [('5 dzs', 'number', '', 60.0, 57.0, 66.0, 'exact')]),
    ('Dozens of people were hurt.', []),
    ('The state spent Rs 3 lakh crore on roads.', [('Rs 3 lakh crore', 'money', 'INR', 3000000000000.0, 2850000000000.0, 3300000000000.0, 'exact')]),
    ('The rate is two point seven five percent.', [('two point seven five percent', 'percent', '%', 2.75, 2.6125, 3.025, 'exact')]),
    ('Inflation hit nine point nought four percent.', [('nine point nought four percent', 'percent', '%', 9.04, 8.588, 9.944, 'exact')]),
    # "or less than": a second, hedged figure, not a hedge of the first; a sign after a name
    ('The score is equal to 5000 or less than 6000.', [('5000', 'number', '', 5000.0, 4750.0, 5500.0, 'exact'), ('less than 6000', 'number', '', 6000.0, 4800.0, 6000.0, 'under')]),
    ('Keep x>10 and y<20.', [('>10', 'number', '', 10.0, 10.0, 12.0, 'over'), ('<20', 'number', '', 20.0, 16.0, 20.0, 'under')]),
]


def _row(m) -> tuple:
    v = m.value
    if v.type == "rank":
        return (m.text, "rank", v.superlative, v.point, v.low, v.high, v.hedge)
    return (m.text, v.kind, v.unit, float(f"{v.point:.6g}"), float(f"{v.low:.6g}"), float(f"{v.high:.6g}"), v.hedge)


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_numbers_table(sentence: str, expected: list) -> None:
    assert [_row(m) for m in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    "spellings",
    [
        ("$1.2 billion", "US$1,200 million", "1.2 billion dollars", "USD 1.2bn", "US$ 1.2 bn"),
        ("11%", "11 percent", "11 per cent", "11 pct"),
        ("€3.5m", "3.5 million euros", "EUR 3.5 million"),
        ("25,000 students", "twenty-five thousand students", "25 thousand students"),
    ],
)
def test_numbers_spellings_normalise_to_the_same_value(spellings: tuple[str, ...]) -> None:
    values = set()
    for s in spellings:
        (m,) = find_quantities(f"The figure was {s} last time.")
        values.add((m.value.kind, m.value.unit, m.value.point))
    assert len(values) == 1


@pytest.mark.parametrize(("a", "b"), [("eighth largest", "8th-largest"), ("second largest", "2nd largest"),
                                      ("eleventh biggest", "11th biggest")])
def test_numbers_ordinal_spellings_are_the_same_rank(a: str, b: str) -> None:
    (ma,) = find_quantities(f"It is the {a} partner.")
    (mb,) = find_quantities(f"It is the {b} partner.")
    assert ma.value.point == mb.value.point


def _interval(phrase: str) -> tuple[float, float]:
    (m,) = find_quantities(phrase)
    return m.value.low, m.value.high


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("more than 730 members", "733 members", True),
        ("more than US$123.86 billion", "more than US$130 billion", False),
        ("US$123 billion", "more than US$130 billion", False),
        ("US$123 billion", "more than US$123.86 billion", True),
        ("nearly 1,150 projects", "over 1,200 projects", False),
        ("some 25,000 students", "approximately 25,000 students", True),
        ("topped $11 billion", "US$11.4 billion", True),
        ("over $10.3 billion", "US$11.4 billion", True),
        ("more than 1,000 homes", "1,200 homes", True),
        ("more than 1,000 homes", "1,500 homes", False),
    ],
)
def test_numbers_hedges_widen_by_a_bounded_amount(a: str, b: str, overlap: bool) -> None:
    assert _overlap(_interval(a), _interval(b)) is overlap


@pytest.mark.parametrize(
    ("hedge", "low", "high"),
    [("exact", 725.0, 740.0), ("over", 730.0, 850.0), ("at-least", 730.0, 850.0), ("nearly", 610.0, 730.0),
     ("under", 610.0, 730.0), ("at-most", 610.0, 730.0), ("about", 610.0, 850.0)],
)
def test_numbers_hedged_interval_follows_the_rule(hedge: str, low: float, high: float) -> None:
    lo, hi = hedged_interval(730.0, 10.0, hedge)
    assert (round(lo, 6), round(hi, 6)) == (low, high)


def test_numbers_hedge_rule_is_stated() -> None:
    assert "4%" in HEDGE_RULE and "20%" in HEDGE_RULE and "more than 460" in HEDGE_RULE


@pytest.mark.parametrize(("digits", "u"), [("123.86", 0.01), ("730", 10.0), ("25,000", 1000.0), ("11", 1.0),
                                           ("1.20", 0.01), ("0", 1.0)])
def test_numbers_precision_of_written_figure(digits: str, u: float) -> None:
    assert precision_of(digits) == pytest.approx(u)


@pytest.mark.parametrize(("words", "value"), [("twenty-eight", 28), ("two hundred and fifty", 250), ("a dozen", 12),
                                              ("one and a half million", 1.5e6), ("half a million", 5e5),
                                              ("three dozens", 36), ("1,200.5", 1200.5), ("seventy", 70),
                                              ("banana", None), ("two hundred point seventy-one", 200.71),
                                              ("naught point five", 0.5), ("three hundred and two dozen", 324),
                                              ("dozens", None)])
def test_numbers_parse_number(words: str, value: float | None) -> None:
    assert parse_number(words) == value


def test_numbers_change_carries_base_and_levels() -> None:
    (mult, to, frm) = find_quantities(
        "Two-way trade rose over 240 times to more than US$130 billion in 2022 from $451 million in 1995.")
    assert mult.change == "increase" and mult.base.text == "1995"
    assert mult.level_to == to.value and mult.level_from == frm.value


@pytest.mark.parametrize(("sentence", "base"), [("Trade rose, up 11% from 2021.", "2021"),
                                                ("It marked an 11% increase from the previous year.", "the previous year"),
                                                ("Prices climbed 9% year-on-year.", "year-on-year"),
                                                ("Revenue fell 8% compared with 2020.", "2020")])
def test_numbers_change_base(sentence: str, base: str) -> None:
    (m,) = find_quantities(sentence)
    assert m.change is not None and m.base is not None and m.base.text == base


@pytest.mark.parametrize(("sentence", "change"), [("Exports dropped 11.4% from 2021.", "decrease"),
                                                  ("Sales rose 5%.", "increase"),
                                                  ("an 11% increase", "increase"), ("a 3% decline", "decrease"),
                                                  ("Turnout was 66.8 percent.", None)])
def test_numbers_change_direction(sentence: str, change: str | None) -> None:
    (m,) = find_quantities(sentence)
    assert m.change == change


def test_numbers_offsets_point_into_the_text() -> None:
    text = "Exports rose 11% to $4.2 billion, with nearly 1,150 projects; it is the 8th-largest partner."
    for m in find_quantities(text):
        assert text[m.start:m.end] == m.text


def test_numbers_mentions_are_sorted_and_disjoint() -> None:
    ms = find_quantities("In 2022 some 3,000 people saw 11% gains, over $5 billion and the third largest port.")
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


_CURRENCY_FORMS = [
    ("USD", lambda s: f"${s}"), ("USD", lambda s: f"US${s}"), ("USD", lambda s: f"{s} US dollars"),
    ("EUR", lambda s: f"€{s}"), ("EUR", lambda s: f"{s} euros"), ("GBP", lambda s: f"£{s}"),
    ("VND", lambda s: f"VND {s}"), ("JPY", lambda s: f"¥{s}"),
]
_SCALES = [("", 1.0), (" thousand", 1e3), (" million", 1e6), (" billion", 1e9), ("bn", 1e9), ("m", 1e6),
           (" trillion", 1e12)]


@settings(max_examples=200, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=99_999_999),
    decimals=st.integers(min_value=0, max_value=2),
    scale=st.sampled_from(range(len(_SCALES))),
    form=st.sampled_from(range(len(_CURRENCY_FORMS))),
    commas=st.booleans(),
)
def test_numbers_property_money_round_trips(cents: int, decimals: int, scale: int, form: int, commas: bool) -> None:
    x = cents / 10 ** decimals
    written = f"{x:,.{decimals}f}" if commas else f"{x:.{decimals}f}"
    word, factor = _SCALES[scale]
    if word in ("bn", "m") and form not in (0, 1, 3, 5, 7):
        word, factor = "", 1.0  # short scales only follow a symbol
    code, fmt = _CURRENCY_FORMS[form]
    text = f"The contract was worth {fmt(written + word)} in total."
    (m,) = find_quantities(text)
    assert m.value.kind == "money" and m.value.unit == code
    assert m.value.point == pytest.approx(float(f"{x:.{decimals}f}") * factor, rel=1e-9)
    assert m.value.low <= m.value.point <= m.value.high


@settings(max_examples=150, deadline=None)
@given(x=st.integers(min_value=0, max_value=999_999), decimals=st.integers(min_value=0, max_value=2),
       form=st.sampled_from(["%", " percent", " per cent"]),
       hedge=st.sampled_from(["", "more than ", "nearly ", "about ", "at least ", "up to "]))
def test_numbers_property_percent_round_trips(x: int, decimals: int, form: str, hedge: str) -> None:
    value = x / 10 ** decimals
    text = f"Support stood at {hedge}{value:.{decimals}f}{form} in the poll."
    (m,) = find_quantities(text)
    assert m.value.kind == "percent" and m.value.point == pytest.approx(round(value, decimals))
    assert m.value.low <= m.value.point <= m.value.high


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=2, max_value=99))
def test_numbers_property_number_words_round_trip(n: int) -> None:
    units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
             17: "seventeen", 18: "eighteen", 19: "nineteen"}
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word = units[n] if n < 10 else teens.get(n) or (tens[n // 10] + (f"-{units[n % 10]}" if n % 10 else ""))
    (m,) = find_quantities(f"Rescuers pulled {word} miners from the shaft.")
    assert m.value.point == n and m.value.unit == "miner"


@settings(max_examples=100, deadline=None)
@given(k=st.integers(min_value=1, max_value=150), sup=st.sampled_from(["largest", "biggest", "highest"]),
       hyphen=st.booleans())
def test_numbers_property_rank_round_trips(k: int, sup: str, hyphen: bool) -> None:
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    (m,) = find_quantities(f"The port is the {k}{suffix}{'-' if hyphen else ' '}{sup} terminal.")
    assert m.value.type == "rank" and m.value.point == k


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# Every number and rank seeds-expected.md lists: (doc, text as written, kind or "rank", unit, point).
SEED_VALUES = [
    ("000", "more than US$123.86 billion", "money", "USD", 123.86e9), ("001", "over $123.86 billion", "money", "USD", 123.86e9),
    ("004", "surpassing $123.86 billion", "money", "USD", 123.86e9), ("002", "US$123 billion", "money", "USD", 123e9),
    ("003", "more than US$130 billion", "money", "USD", 130e9), ("000", "11%", "percent", "%", 11),
    ("001", "11%", "percent", "%", 11), ("004", "11%", "percent", "%", 11),
    ("000", "second largest", "rank", "rank", 2), ("001", "second-largest", "rank", "rank", 2),
    ("004", "second-largest", "rank", "rank", 2), ("003", "largest", "rank", "rank", 1),
    ("000", "eighth largest", "rank", "rank", 8), ("002", "eighth largest", "rank", "rank", 8),
    ("004", "seventh-largest", "rank", "rank", 7), ("003", "nearly 1,150", "count", "project", 1150),
    ("004", "over 1,200", "count", "project", 1200), ("000", "topped $11 billion", "money", "USD", 11e9),
    ("004", "exceeded $11 billion", "money", "USD", 11e9), ("002", "US$11.4 billion", "money", "USD", 11.4e9),
    ("003", "over $10.3 billion", "money", "USD", 10.3e9), ("000", "more than 730", "count", "member", 730),
    ("003", "733", "count", "remains", 733), ("000", "some 25,000", "count", "student", 25000),
    ("001", "approximately 25,000", "count", "student", 25000), ("000", "two", "count", "vessel", 2),
    ("000", "11th highest", "rank", "rank", 11), ("002", "11th biggest", "rank", "rank", 11),
    ("004", "11th largest", "rank", "rank", 11), ("003", "over 240 times", "multiplier", "x", 240),
    ("003", "$451 million", "money", "USD", 451e6), ("002", "four times", "multiplier", "x", 4),
    ("002", "50", "count", "executive", 50),
]


@pytest.mark.seeds
@pytest.mark.parametrize(("prefix", "text", "kind", "unit", "point"), SEED_VALUES)
def test_numbers_seed_values(prefix: str, text: str, kind: str, unit: str, point: float) -> None:
    ms = [m for m in find_quantities(_seed(prefix)) if m.text == text]
    assert ms, f"{text!r} not found in {prefix}"
    v = ms[0].value
    if kind == "rank":
        assert v.type == "rank" and v.point == point
    else:
        assert (v.kind, v.unit) == (kind, unit) and v.point == pytest.approx(point)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(?:more\s+than|about|up\s+to|≥)\s*$", "rose by MORE than "),
    (r"(?:more\s+than|about|up\s+to|≥)\s*$", "clover "),
    (r"(?:(?<![\w$])|(?<=\bUS))(?:US\s?\$|[$€])\s?$", "paid US$ "),
    (r"\b(?:rose|fell)\s+(?:by\s+)?$", "Output Fell by "),
    (r"[a-c]x|d+y", "zzDDy"),
])
def test_numbers_gated_pattern_finds_the_same_matches(pattern: str, text: str) -> None:
    plain = re.compile(pattern, re.IGNORECASE).search(text)
    got = gated(pattern, re.IGNORECASE).search(text)
    assert (got.span() if got else None) == (plain.span() if plain else None)


@pytest.mark.parametrize(("pattern", "first"), [(r"(?:ab|c)d", "ac"), (r"x?y", "xy"), (r"\bfoo", "f"), (r".z", None),
                                                 (r"a*", None)])
def test_numbers_first_chars_of_a_pattern(pattern: str, first: str | None) -> None:
    assert first_chars(pattern) == first


def test_numbers_basis_points_to_a_level_are_a_change_then_the_level():
    from consilience.extract.numbers import find_quantities

    text = "The bank raised its policy rate by 50 basis points to 6.5% on Friday."
    found = [(text[m.start:m.end], m.value.kind, m.value.point) for m in find_quantities(text)]
    assert found == [("50 basis points", "points", 0.5), ("6.5%", "percent", 6.5)]


@pytest.mark.parametrize(("text", "kind", "low", "high"), [
    ("Yields moved 10-20 basis points.", "points", 0.1, 0.2),
    ("Support rose 3-5 percentage points.", "points", 3.0, 5.0),
    ("Prices rose 10-12%.", "percent", 10.0, 12.0),
])
def test_numbers_ranges_keep_the_unit_written_after_them(text, kind, low, high):
    from consilience.extract.numbers import find_quantities

    (m,) = find_quantities(text)
    assert (m.value.kind, m.value.low, m.value.high) == (kind, low, high)


@pytest.mark.parametrize(("text", "written", "point"), [
    ("The bank increased its rate by half a percentage point to 6.5 percent.", "half a percentage point", 0.5),
    ("It cut rates by a quarter of a percentage point.", "a quarter of a percentage point", 0.25),
    ("It cut rates by a quarter point.", "a quarter point", 0.25),
])
def test_numbers_fractions_of_a_point_are_rate_moves(text, written, point):
    from consilience.extract.numbers import find_quantities

    m = next(m for m in find_quantities(text) if text[m.start:m.end] == written)
    assert (m.value.kind, m.value.point) == ("points", point) and m.change is not None


def test_numbers_half_of_something_else_is_no_rate_move():
    from consilience.extract.numbers import find_quantities

    assert find_quantities("Half the votes were counted, and he made a point of it.") == []


@pytest.mark.parametrize(("text", "written", "point", "low", "high", "unit"), [
    ("The train left the tracks at 7.42am near the village.", "7.42am", 462, 461.5, 462.5, "time of day"),
    ("It derailed at 07:42 on 14 October.", "07:42", 462, 461.5, 462.5, "time of day"),
    ("It came off the tracks at 6:24 a.m. on Tuesday.", "6:24 a.m.", 384, 383.5, 384.5, "time of day"),
    ("The blast happened at about 10.40pm, below the surface.", "about 10.40pm", 1360, 1342.5, 1377.5, "time of day"),
    ("Polls closed at 8 p.m. across the country.", "8 p.m.", 1200, 1192.5, 1207.5, "time of day"),
    ("The quake hit at 11:47 p.m. local time.", "11:47 p.m.", 1427, 1426.5, 1427.5, "time of day"),
    ("The first explosion came at 1100 GMT.", "1100 GMT", 660, 652.5, 667.5, "time of day GMT"),
    ("The dam gave way shortly after 3 a.m. on Sunday.", "shortly after 3 a.m.", 180, 180, 210, "time of day"),
    ("Shots were heard just before 9:30 PM ET.", "just before 9:30 PM ET", 1290, 1260, 1290, "time of day ET"),
    ("The vote closed at 3 p.m. (GMT) on Friday.", "3 p.m. (GMT)", 900, 892.5, 907.5, "time of day GMT"),
])
def test_numbers_times_of_day_are_minutes_after_midnight(text, written, point, low, high, unit):
    from consilience.extract.numbers import find_quantities

    (m,) = [m for m in find_quantities(text) if m.value.kind == "clock"]
    assert text[m.start:m.end] == written
    assert (m.value.point, m.value.low, m.value.high, m.value.unit) == (point, low, high, unit)


@pytest.mark.parametrize("text", [
    "Updated Oct. 17, 2025, 7:15 a.m. ET",  # a time stamp dates the report
    "Published 15 October 2025, 09:20",
    "Voting runs until 8 p.m. on Sunday.",  # a bound of a schedule, not when something happened
    "She ran the marathon in 2:03:45 and the final ended 2:1.",  # a race time, a score
])
def test_numbers_times_of_day_only_after_at_or_a_hedge(text):
    from consilience.extract.numbers import find_quantities

    found = find_quantities(text)
    assert [m for m in found if m.value.kind == "clock"] == []
    assert not any(m.value.kind == "number" and m.value.point in (7.15, 9.2, 20, 8, 2.03) for m in found)


def test_numbers_a_time_of_day_is_no_decimal():
    from consilience.extract.numbers import find_quantities

    # "7.42am" was read as the figure 7.42 before times of day had a grammar of their own
    assert [m.value.kind for m in find_quantities("Carriages left the tracks at 7.42am on Tuesday.")] == ["clock"]


def test_numbers_clock_rule_is_stated():
    from consilience.extract.numbers import CLOCK_RULE

    assert "minutes after midnight" in CLOCK_RULE and "shortly/just/soon after" in CLOCK_RULE


@pytest.mark.parametrize(("text", "written", "change", "base"), [
    ("Output showed a rise of 6.2 percent on the year.", "6.2 percent", "increase", "on the year"),
    ("There was a sharp drop of 12% in sales.", "12%", "decrease", None),
    ("The town grew by 281,774 people, or 6.2%, since 2016.", "6.2%", "increase", "2016"),
    ("Sales rose by $3 million (12%) from 2021.", "12%", "increase", "2021"),
    ("It has 4.8 million people, an increase of 281,774 since the last count in 2016.", "281,774", "increase", "2016"),
    ("Sales rose 5% from the 2019 level.", "5%", "increase", "2019"),
    # the period a change took, not what it is measured against
    ("The index climbed 4% over the last three months in 2023.", "4%", "increase", None),
    # a share that restates nothing: no change
    ("Exports were $3 million, or 12% of the total.", "12%", None, None),
    ("The population is 4.8 million, some 282,000 more than in 2016.", "some 282,000", "increase", "2016"),
    ("Imports were $2bn less than in 2021.", "$2bn", "decrease", "2021"),
    ("There were 5,000 more than expected.", "5,000", None, None),  # no base: no change
])
def test_numbers_changes_named_by_a_noun_or_restated_as_a_share(text, written, change, base):
    from consilience.extract.numbers import find_quantities

    m = next(m for m in find_quantities(text) if text[m.start:m.end] == written)
    assert m.change == change
    assert (m.base.text if m.base is not None else None) == base


@pytest.mark.parametrize(("text", "written", "low", "high"), [
    ("It expects earnings of US$5.55 to US$5.70 a share.", "US$5.55 to US$5.70", 5.55, 5.7),
    ("It now expects sales of US$5 billion to US$6 billion.", "US$5 billion to US$6 billion", 5e9, 6e9),
    # a range named as one, even after a verb of change
    ("It expects $5.55 to $5.70, down from its earlier range of $5.80 to $6.00.", "$5.80 to $6.00", 5.8, 6.0),
])
def test_numbers_ranges_with_a_currency_on_both_ends(text, written, low, high):
    from consilience.extract.numbers import find_quantities

    m = next(m for m in find_quantities(text) if text[m.start:m.end] == written)
    assert (m.value.low, m.value.high) == (low, high)


@pytest.mark.parametrize(("text", "change"), [
    ("The shares are now 13% below where they stood.", "decrease"),
    ("Rents are 4% above last year's level.", "increase"),
])
def test_numbers_above_and_below_after_a_percentage_are_changes(text, change):
    from consilience.extract.numbers import find_quantities

    (m,) = find_quantities(text)
    assert m.change == change


@pytest.mark.parametrize(("text", "unit", "point"), [
    ("Demand peaked at 9,420 megawatts.", "megawatt", 9420),
    ("Demand hit 9.4 gigawatts.", "megawatt", 9400),
    ("Demand peaked at 8.2GW.", "megawatt", 8200),
    ("The panel gives 500 kW.", "megawatt", 0.5),
    ("The plant made 3 TWh last year.", "megawatt-hour", 3_000_000),
    ("It lies 80 miles away.", "mile", 80),  # other systems are never converted
])
def test_numbers_metric_prefixes_of_one_unit_are_one_unit(text, unit, point):
    from consilience.extract.numbers import find_quantities

    m = next(m for m in find_quantities(text) if m.value.kind == "count")
    assert (m.value.unit, m.value.point) == (unit, point)


@pytest.mark.parametrize(("words", "k"), [("two hundredth", 200), ("one hundred twenty-fifth", 125),
                                          ("a hundred trillionth", 100_000_000_000_000), ("three thousandth", 3000)])
def test_numbers_ordinal_words_with_scales(words: str, k: int) -> None:
    (m,) = find_quantities(f"It was the {words} anniversary.")
    assert m.value.point == k
